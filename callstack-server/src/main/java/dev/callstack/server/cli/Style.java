package dev.callstack.server.cli;

/** Check marks and colours; ANSI colours only on a terminal. Immutable. */
record Style(boolean colour) {
    String ok(String text) {
        return paint("32", text);
    }

    String fail(String text) {
        return paint("31", text);
    }

    String warn(String text) {
        return paint("33", text);
    }

    String bold(String text) {
        return paint("1", text);
    }

    private String paint(String code, String text) {
        return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
