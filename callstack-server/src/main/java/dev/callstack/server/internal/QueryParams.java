package dev.callstack.server.internal;

import dev.callstack.core.SmsApi;

/** Query parameter parsing with the documented 400 messages. Stateless. */
final class QueryParams {
    /** The page size of a list route without {@code limit}. */
    static final int DEFAULT_PAGE = 50;
    static final String INVALID_LIMIT = "invalid 'limit'";

    private QueryParams() {
    }

    /** The one page-size rule of the list routes: {@code limit} in 1–{@value SmsApi#MAX_PAGE}, default 50. */
    static int pageLimit(String value) {
        return intInRange(value, DEFAULT_PAGE, 1, SmsApi.MAX_PAGE, INVALID_LIMIT);
    }

    /** {@code value} as an int in [min, max]; {@code fallback} when absent; else a 400 with {@code error}. */
    static int intInRange(String value, int fallback, int min, int max, String error) {
        if (value == null) {
            return fallback;
        }
        long parsed = parseDecimal(value, error);
        if (parsed < min || parsed > max) {
            throw HttpError.badRequest(error);
        }
        return (int) parsed;
    }

    static final String INVALID_SINCE = "invalid 'since'";
    static final String SINCE_AHEAD = "'since' is after the newest event id";

    /**
     * The resume cursor of {@code /ws} and {@code GET /events}: a non-negative event id, {@code -1} when absent; a
     * 400 when malformed or after {@code lastId} (a cursor from another database: replaying nothing would hide that).
     */
    static long since(String value, long lastId) {
        if (value == null) {
            return -1;
        }
        long since = parseDecimal(value, INVALID_SINCE);
        if (since > lastId) {
            throw HttpError.badRequest(SINCE_AHEAD);
        }
        return since;
    }

    /** {@code value} as a positive long, or {@code -1} when absent; else a 400 with {@code error}. */
    static long positiveLong(String value, String error) {
        if (value == null) {
            return -1;
        }
        long parsed = parseDecimal(value, error);
        if (parsed < 1) {
            throw HttpError.badRequest(error);
        }
        return parsed;
    }

    private static long parseDecimal(String value, String error) {
        if (value.isEmpty() || value.length() > 18) {
            throw HttpError.badRequest(error);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw HttpError.badRequest(error);
            }
        }
        return Long.parseLong(value);
    }
}
