/**
 * Call audio over the modem's PCM port: the per-call audio link ({@link dev.callstack.modem.internal.audio.AudioLink}),
 * its lifecycle and the modem's voice API ({@link dev.callstack.modem.internal.audio.CallAudio}), the call session
 * ({@link dev.callstack.modem.internal.audio.SerialCallSession}), the DTMF merge of URC and in-band digits
 * ({@link dev.callstack.modem.internal.audio.DtmfMerger}) and recording. Never logs digits or audio.
 */
package dev.callstack.modem.internal.audio;
