package org.smartcc.launcher.domain;

/**
 * A refusal or failure with a stable code and a human message, answered to the browser as {@code {"code", "message"}}
 * with {@link #status()}. The API server's own errors come through with their code unchanged.
 */
public class LauncherException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public LauncherException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static LauncherException notFound(String code, String message) {
        return new LauncherException(404, code, message);
    }

    public static LauncherException invalidInput(String code, String message) {
        return new LauncherException(400, code, message);
    }
}
