package dev.callstack.server.internal;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

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
    static final String WEBHOOKS = "/webhooks";
    static final String WEBHOOK = "/webhooks/{id}";
    static final String WEBHOOK_DELIVERIES = "/webhooks/{id}/deliveries";
    static final String WEBHOOK_REDELIVER = "/webhooks/{id}/redeliver";
    static final String SMS_SUBSCRIBE = "/sms/subscribe";
    static final String OUTBOX = "/sms/outbox";
    static final String OUTBOX_ITEM = "/sms/outbox/{id}";
    static final String EVENTS = "/events";
    static final String VOICEMAIL = "/voicemail";
    static final String VOICEMAIL_ITEM = "/voicemail/{id}";
    static final String VOICEMAIL_AUDIO = "/voicemail/{id}.wav";
    /** Paths with one {@value #PARAMETER} segment; a request path matching one is routed (and labelled) by it. */
    static final List<String> TEMPLATES = List.of(WEBHOOK, WEBHOOK_DELIVERIES, WEBHOOK_REDELIVER, OUTBOX_ITEM,
            VOICEMAIL_ITEM, VOICEMAIL_AUDIO);
    static final String PARAMETER = "{id}";
    /** What a path parameter may be: ids are short and plain, anything else is no route. */
    private static final Pattern PARAMETER_VALUE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final String UNMATCHED = "unmatched";

    static final Set<String> ALL = Set.of(SMS_SEND, SMS_MESSAGES, DELIVERY_REPORTS, USSD_SEND, CALLS_DIAL,
            CALLS_ANSWER, CALLS_HANGUP, CALLS_DTMF, CALLS_CURRENT, HEALTH, STATUS, METRICS, WS, WEBHOOKS, WEBHOOK,
            WEBHOOK_DELIVERIES, WEBHOOK_REDELIVER, SMS_SUBSCRIBE, OUTBOX, OUTBOX_ITEM, EVENTS, VOICEMAIL,
            VOICEMAIL_ITEM, VOICEMAIL_AUDIO);

    /**
     * The routes without a parameter that no template matches: such a path is its own template, found without
     * splitting it (the split and the template walk ran twice per request, once to route and once for the label).
     */
    private static final Set<String> PLAIN = plainRoutes();

    private RoutePaths() {
    }

    private static Set<String> plainRoutes() {
        Set<String> plain = new java.util.HashSet<>();
        for (String route : ALL) {
            if (!route.contains(PARAMETER) && matchTemplate(route) == null) {
                plain.add(route);
            }
        }
        return Set.copyOf(plain);
    }

    /** The path of {@code uri} without its query. */
    static String path(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    /** The metrics label for {@code uri}: a known route path (or template) or {@value #UNMATCHED}. */
    static String label(String uri) {
        String path = template(path(uri));
        return ALL.contains(path) ? path : UNMATCHED;
    }

    /** The template {@code path} matches (e.g. {@code /webhooks/{id}}), or {@code path} itself. */
    static String template(String path) {
        if (PLAIN.contains(path)) {
            return path;
        }
        String template = matchTemplate(path);
        return template == null ? path : template;
    }

    private static String matchTemplate(String path) {
        String[] segments = path.split("/", -1);
        for (String template : TEMPLATES) {
            String[] expected = template.split("/", -1);
            if (expected.length == segments.length && matches(expected, segments)) {
                return template;
            }
        }
        return null;
    }

    private static boolean matches(String[] expected, String[] segments) {
        for (int i = 0; i < expected.length; i++) {
            boolean ok = expected[i].startsWith(PARAMETER) ? parameterSegment(expected[i], segments[i]) != null
                    : expected[i].equals(segments[i]);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The value of the {@value #PARAMETER} segment of {@code uri} for a path matching {@code template}. */
    static String parameter(String uri, String template) {
        String[] expected = template.split("/", -1);
        String[] segments = path(uri).split("/", -1);
        for (int i = 0; i < expected.length && i < segments.length; i++) {
            if (expected[i].startsWith(PARAMETER)) {
                return parameterSegment(expected[i], segments[i]);
            }
        }
        throw new IllegalArgumentException("template has no parameter");
    }

    /**
     * The parameter in {@code segment} for a template segment {@value #PARAMETER} with an optional fixed suffix
     * ({@code {id}.wav}), or null when it does not match.
     */
    private static String parameterSegment(String expected, String segment) {
        String suffix = expected.substring(PARAMETER.length());
        if (!segment.endsWith(suffix)) {
            return null;
        }
        String value = segment.substring(0, segment.length() - suffix.length());
        return PARAMETER_VALUE.matcher(value).matches() ? value : null;
    }
}
