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
    static final String EVENTS = "/events";
    static final String UNMATCHED = "unmatched";

    static final Set<String> ALL = Set.of(SMS_SEND, SMS_MESSAGES, DELIVERY_REPORTS, USSD_SEND, CALLS_DIAL,
            CALLS_ANSWER, CALLS_HANGUP, CALLS_DTMF, CALLS_CURRENT, HEALTH, STATUS, METRICS, WS,
            EVENTS);

    private RoutePaths() {
    }

    /** The path of {@code uri} without its query. */
    static String path(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    /** The metrics label for {@code uri}: a known route path or {@value #UNMATCHED}. */
    static String label(String uri) {
        String path = path(uri);
        return ALL.contains(path) ? path : UNMATCHED;
    }
}
