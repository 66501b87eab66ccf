package dev.callstack.server.internal;

/** A request a route refuses with a fixed status and message; cheap (no stack trace). */
final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    HttpError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }

    int status() {
        return status;
    }

    HttpReply reply() {
        return ErrorBody.reply(status, getMessage());
    }
}
