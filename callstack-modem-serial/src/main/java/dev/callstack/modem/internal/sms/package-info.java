/**
 * The SMS service behind {@code SerialModem.sms()} ({@link dev.callstack.modem.internal.sms.SmsService}), plugged in
 * with {@code SerialModem.Builder.messageStore(store)} (built by {@link dev.callstack.modem.internal.sms.SmsModules}).
 * PDUs are decoded and encoded by the public codec, {@link dev.callstack.modem.pdu}.
 *
 * <p>Data flow. Connect ({@code SmsConnectRoutine} on the {@code InboundWorker} thread, then the
 * {@code InitGate} opens): {@code SmsInitializer} (CMGF=0, CSMS?, CPMS?, CPMS=?, CNMI) → {@code SmsMaintenance}
 * (multipart, fingerprints) → {@code StorageSweeper} (CMGL=4 per inbound storage). Notifications:
 * {@code +CMTI}/{@code +CDSI} → {@code AnnouncedSlotReader} (CMGR, with the "SR" fallback for reports announced in
 * another storage) → {@code SlotProcessor} → {@code InboundSmsReceiver} → store → only then CMGD;
 * {@code +CMT}/{@code +CDS} → {@code DirectDeliveryHandler} → {@code InboundSmsReceiver} → store → CNMA.
 * {@code InboundSmsReceiver} dispatches decoded PDUs to the store (single messages), {@code MultipartAssembler}
 * (parts) or {@code DeliveryReportCorrelator} (status reports). Sends: {@code SendQueue} → {@code SmsSender}, one
 * message at a time.
 *
 * <p>Guarantees. Every inbound PDU is fingerprinted (storage, slot, PDU) and the fingerprint is written in the same
 * transaction as what it produced, so a PDU seen again (reconnect sweep, crash between store and delete) is deleted
 * from the modem without a second event. Fingerprints are kept for {@code SmsSettings.fingerprintRetention()}
 * (default 90 days) and pruned at every maintenance tick. Events are published only after the store committed. A PDU that does not
 * decode stays on the modem, is logged once without content and counted. No phone number (other than redacted) or
 * message text is ever logged or put in an exception message.
 */
package dev.callstack.modem.internal.sms;
