/**
 * Voice values: {@link dev.callstack.core.voice.AudioClip} (immutable telephone-quality PCM) and
 * {@link dev.callstack.core.voice.AudioFormat8k} (the one audio format calls use).
 *
 * <p>Values and the {@link dev.callstack.core.voice.CallSession} API, no I/O. Loading audio files (which needs {@code javax.sound.sampled}, module {@code java.desktop})
 * lives in {@code callstack-modem-serial} ({@code dev.callstack.modem.voice.AudioClips}), so that the core stays on
 * {@code java.*} and SLF4J only. DTMF digits are plain {@code char}s checked by
 * {@link dev.callstack.core.event.DtmfReceived#isDtmf(char)}, the one rule for what a digit is.
 */
package dev.callstack.core.voice;
