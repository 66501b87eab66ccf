package dev.callstack.core;

/** How an outgoing SMS is encoded: AUTO picks GSM-7 when every character fits, else UCS-2. */
public enum SmsEncoding {
    AUTO, GSM7, UCS2
}
