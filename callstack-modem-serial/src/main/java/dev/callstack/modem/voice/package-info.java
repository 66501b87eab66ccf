/**
 * Call audio files: {@link dev.callstack.modem.voice.AudioClips} loads any PCM WAV (and what {@code javax.sound.sampled}
 * decodes) into a core {@code AudioClip}; {@link dev.callstack.modem.voice.WavWriter} writes 8 kHz 16-bit mono WAV.
 */
package dev.callstack.modem.voice;
