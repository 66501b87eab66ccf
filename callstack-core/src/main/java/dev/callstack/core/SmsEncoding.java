package dev.callstack.core;

/** How an outgoing SMS is encoded: AUTO picks GSM-7 when every character fits, else UCS-2. */
public enum SmsEncoding {
    /** GSM-7 when every character fits it, else UCS-2. */
    AUTO,
    /** GSM 03.38 7-bit default alphabet: 160 characters per single SMS, 153 per part. */
    GSM7,
    /** UCS-2 (UTF-16 code units): 70 characters per single SMS, 67 per part. */
    UCS2
}
