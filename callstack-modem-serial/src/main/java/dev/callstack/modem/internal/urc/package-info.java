/**
 * Unsolicited result codes: the pure {@link dev.callstack.modem.internal.urc.UrcParser} (never throws), the
 * two-line {@code +CMT}/{@code +CDS} {@link dev.callstack.modem.internal.urc.UrcAssembler}, registration and USSD
 * text decoding, and {@link dev.callstack.modem.internal.urc.SmsUrc}, what the SMS layer receives.
 */
package dev.callstack.modem.internal.urc;
