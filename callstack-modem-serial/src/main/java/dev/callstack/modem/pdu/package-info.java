/**
 * The SMS PDU codec (3GPP TS 23.040 / 23.038): what a modem in PDU mode prints and takes, as records. Pure: no I/O,
 * no logging, no state; usable without a modem.
 *
 * <p>Decode: {@link dev.callstack.modem.pdu.PduDecoder} turns the hex of {@code +CMT}, {@code +CDS},
 * {@code +CMGR} or {@code +CMGL} into a {@link dev.callstack.modem.pdu.DecodedPdu}, which is an
 * {@link dev.callstack.modem.pdu.SmsDeliver}, {@link dev.callstack.modem.pdu.SmsSubmit} or
 * {@link dev.callstack.modem.pdu.SmsStatusReport}. Malformed input raises only
 * {@link dev.callstack.modem.pdu.PduFormatException}, with the reason and the octet offset.
 *
 * <p>Encode: {@link dev.callstack.modem.pdu.SmsSubmitEncoder} (a {@link dev.callstack.modem.pdu.SubmitRequest}
 * into {@link dev.callstack.modem.pdu.SubmitPdu}s for {@code AT+CMGS}); {@link dev.callstack.modem.pdu.SmsDeliverEncoder}
 * and {@link dev.callstack.modem.pdu.SmsStatusReportEncoder} (what a network would hand a modem, for simulators and
 * tests). Texts are GSM-7 when they fit, else UCS-2, split into concatenated parts when they need several.
 *
 * <p>Helpers other code may use: {@link dev.callstack.modem.pdu.PduHex} (hex as modems print it) and
 * {@link dev.callstack.modem.pdu.Gsm7} (the 7-bit alphabet, e.g. for USSD). Septet packing, the alphabet tables,
 * addresses, timestamps and user data are package-private.
 */
package dev.callstack.modem.pdu;
