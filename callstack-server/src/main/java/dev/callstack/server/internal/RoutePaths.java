package dev.callstack.server.internal;

import java.util.Set;

/** The route paths, and the bounded label set they give metrics (no request-controlled label values). */
final class RoutePaths {
    static final String SMS_SEND = "/sms/send";
    static final String SMS_MESSAGES = "/sms/messages";
    static final String DELIVERY_REPORTS = "/sms/delivery-reports";
    static final String USSD_SEND = "/ussd/send";
    static final String CALLS_DIAL = "/calls/dial";
    static final String CALLS_ANSWER = "/calls/answer";
    static final String CALLS_HANGUP = "/calls/hangup";
    static final String CALLS_DTMF = "/calls/dtmf";
    static final String CALLS_CURRENT = "/calls/current";
    static final String HEALTH = "/healthz";
    static final String STATUS = "/status";
    static final String METRICS = "/metrics";
    static final String WS = "/ws";
    static final String UNMATCHED = "unmatched";
    static final String OUTBOX = "/sms/outbox";
    /** The template of {@code /sms/outbox/<id>}: the router and the metrics know the item routes by it. */
    static final String OUTBOX_ITEM = "/sms/outbox/{id}";
    private static final String OUTBOX_ITEM_PREFIX = OUTBOX + "/";

    static final Set<String> ALL = Set.of(SMS_SEND, SMS_MESSAGES, DELIVERY_REPORTS, USSD_SEND, CALLS_DIAL,
            CALLS_ANSWER, CALLS_HANGUP, CALLS_DTMF, CALLS_CURRENT, HEALTH, STATUS, METRICS, WS, OUTBOX, OUTBOX_ITEM);

    private RoutePaths() {
    }

    /** The path of {@code uri} without its query. */
    static String path(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    /**
     * The route a path is registered under: {@value #OUTBOX_ITEM} for {@code /sms/outbox/<one segment>}, else the
     * path itself. The id is not checked here; the item route answers 404 for one that is not a number.
     */
    static String template(String path) {
        if (path.startsWith(OUTBOX_ITEM_PREFIX) && path.length() > OUTBOX_ITEM_PREFIX.length()
                && path.indexOf('/', OUTBOX_ITEM_PREFIX.length()) < 0) {
            return OUTBOX_ITEM;
        }
        return path;
    }

    /** The last path segment of {@code uri} (the id of an item route). */
    static String lastSegment(String uri) {
        String path = path(uri);
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The metrics label for {@code uri}: a known route path (or template) or {@value #UNMATCHED}. */
    static String label(String uri) {
        String path = template(path(uri));
        return ALL.contains(path) ? path : UNMATCHED;
    }
}
