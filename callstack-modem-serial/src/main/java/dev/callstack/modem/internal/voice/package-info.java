/**
 * Call audio implementation: the DTMF tone table ({@link dev.callstack.modem.internal.voice.DtmfTones}), a Goertzel
 * in-band DTMF detector, the real-time frame pacer and the resampler used when loading clips. Pure code, no logging.
 */
package dev.callstack.modem.internal.voice;
