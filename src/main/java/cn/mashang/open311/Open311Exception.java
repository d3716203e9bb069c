package cn.mashang.open311;

/**
 * An Open311 error: answered as the spec's {@code <errors><error><code/><description/></error></errors>} (XML)
 * or {@code [{"code":…,"description":…}]} (JSON), with the code as HTTP status.
 */
class Open311Exception extends RuntimeException {
    private final int code;
    private final Long retryAfterSeconds;

    Open311Exception(int code, String description) {
        this(code, description, null);
    }

    Open311Exception(int code, String description, Long retryAfterSeconds) {
        super(description);
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    int code() {
        return code;
    }

    Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    static Open311Exception badRequest(String description) {
        return new Open311Exception(400, description);
    }

    static Open311Exception forbidden(String description) {
        return new Open311Exception(403, description);
    }

    static Open311Exception notFound(String description) {
        return new Open311Exception(404, description);
    }
}
