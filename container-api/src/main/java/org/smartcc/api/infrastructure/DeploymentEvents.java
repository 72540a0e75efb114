package org.smartcc.api.infrastructure;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Runs work once the server has finished deploying this application, on Payara's deployment events. CDI starts the
 * application scope while Payara is still deploying, and at the end of a deployment Payara closes the jar files that
 * are cached JVM-wide; work that reads the WAR's jars in the meantime can fail for good (log4j's plugin scan did,
 * "zip file closed"). The event bus is Payara's internal API, which is not published to compile against, hence
 * reflection; on a server without it the work starts at once.
 */
public final class DeploymentEvents {

    private static final Logger LOG = Logger.getLogger(DeploymentEvents.class.getName());
    /** This application deployed (the event's hook names it). */
    private static final String DEPLOYED = "Deployment_Success";
    /** Payara Server, booting, has deployed all its applications. */
    private static final String ALL_DEPLOYED = "All_Applications_Processed";

    private DeploymentEvents() {
    }

    /** Calls {@code work} once, on the thread that announces the end of this application's deployment, or now. */
    public static void whenDeployed(Runnable work) {
        try {
            Class<?> listenerType = Class.forName("org.glassfish.api.event.EventListener");
            Class<?> eventsType = Class.forName("org.glassfish.api.event.Events");
            Object locator = Class.forName("org.glassfish.internal.api.Globals")
                    .getMethod("getDefaultBaseServiceLocator").invoke(null);
            Object events = locator.getClass().getMethod("getService", Class.class, Annotation[].class)
                    .invoke(locator, eventsType, new Annotation[0]);
            String application = (String) new InitialContext().lookup("java:app/AppName");
            Listener listener = new Listener(application, work);
            Object proxy = Proxy.newProxyInstance(DeploymentEvents.class.getClassLoader(),
                    new Class<?>[]{listenerType}, listener);
            listener.unregister = () -> eventsType.getMethod("unregister", listenerType).invoke(events, proxy);
            eventsType.getMethod("register", listenerType).invoke(events, proxy);
        } catch (ReflectiveOperationException | NamingException | LinkageError e) {
            LOG.info(() -> "no deployment events on this server (" + e + "); starting at once");
            work.run();
        }
    }

    /** Payara's {@code EventListener}: its one method is {@code event(Event)}; the rest are Object's. */
    private static final class Listener implements InvocationHandler {

        private final String application;
        private final Runnable work;
        private final AtomicBoolean done = new AtomicBoolean();
        private ReflectiveCall unregister;

        Listener(String application, Runnable work) {
            this.application = application;
            this.work = work;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            return switch (method.getName()) {
                case "event" -> {
                    if (isDone(args[0]) && done.compareAndSet(false, true)) {
                        unregister.call();
                        work.run();
                    }
                    yield null;
                }
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "smartcc deployment listener";
            };
        }

        private boolean isDone(Object event) throws ReflectiveOperationException {
            String name = (String) event.getClass().getMethod("name").invoke(event);
            if (name.equals(ALL_DEPLOYED)) {
                return true;
            }
            if (!name.equals(DEPLOYED)) {
                return false;
            }
            Object applicationInfo = event.getClass().getMethod("hook").invoke(event);
            return application.equals(applicationInfo.getClass().getMethod("getName").invoke(applicationInfo));
        }
    }

    @FunctionalInterface
    private interface ReflectiveCall {
        void call() throws ReflectiveOperationException;
    }
}
