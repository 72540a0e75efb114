package org.smartcc.api.infrastructure;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Runs work once the server has finished deploying this application, on Payara's deployment events. CDI starts the
 * application scope while Payara is still deploying, and at the end of a deployment Payara closes the jar files that
 * are cached JVM-wide; work that reads the WAR's jars in the meantime can fail for good (log4j's plugin scan did,
 * "zip file closed"). The event bus is Payara's internal API, which is not published for compiling against, hence
 * reflection; on a server without it the work starts at once.
 */
public final class DeploymentEvents {

    private static final Logger LOG = Logger.getLogger(DeploymentEvents.class.getName());
    /** This application deployed; or, for applications Payara Server deploys as it boots, all of them processed. */
    private static final Set<String> DONE = Set.of("Deployment_Success", "All_Applications_Processed");

    private DeploymentEvents() {
    }

    /** Calls {@code work} on the thread that announces the end of this application's deployment, or now. */
    public static void whenDeployed(Runnable work) {
        try {
            Class<?> listenerType = Class.forName("org.glassfish.api.event.EventListener");
            Class<?> eventsType = Class.forName("org.glassfish.api.event.Events");
            Object locator = Class.forName("org.glassfish.internal.api.Globals")
                    .getMethod("getDefaultBaseServiceLocator").invoke(null);
            Object events = locator.getClass().getMethod("getService", Class.class,
                    java.lang.annotation.Annotation[].class).invoke(locator, eventsType,
                    new java.lang.annotation.Annotation[0]);
            String application = (String) new InitialContext().lookup("java:app/AppName");
            AtomicBoolean started = new AtomicBoolean();
            Object[] listener = new Object[1];
            listener[0] = Proxy.newProxyInstance(DeploymentEvents.class.getClassLoader(), new Class<?>[]{listenerType},
                    (proxy, method, args) -> {
                        if (method.getName().equals("event") && isDone(args[0], application)
                                && started.compareAndSet(false, true)) {
                            eventsType.getMethod("unregister", listenerType).invoke(events, listener[0]);
                            work.run();
                        }
                        return method.getDeclaringClass() == Object.class ? objectMethod(proxy, method, args) : null;
                    });
            eventsType.getMethod("register", listenerType).invoke(events, listener[0]);
        } catch (ReflectiveOperationException | NamingException | LinkageError e) {
            LOG.info(() -> "no deployment events on this server (" + e + "); starting at once");
            work.run();
        }
    }

    private static boolean isDone(Object event, String application) throws ReflectiveOperationException {
        String name = (String) event.getClass().getMethod("name").invoke(event);
        if (!DONE.contains(name)) {
            return false;
        }
        Object hook = event.getClass().getMethod("hook").invoke(event);
        return name.equals("All_Applications_Processed") || application.equals(applicationName(hook));
    }

    private static String applicationName(Object applicationInfo) throws ReflectiveOperationException {
        Method getName = applicationInfo.getClass().getMethod("getName");
        return (String) getName.invoke(applicationInfo);
    }

    /** The proxy answers Object's own methods for the event bus's list of listeners. */
    private static Object objectMethod(Object proxy, Method method, Object[] args) throws InvocationTargetException {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> "smartcc deployment listener";
            default -> throw new InvocationTargetException(new UnsupportedOperationException(method.getName()));
        };
    }
}
