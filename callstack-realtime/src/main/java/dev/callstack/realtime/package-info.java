/**
 * Transport-agnostic realtime hub and PII-safe JSON envelopes (realtime protocol version 1).
 *
 * <p>A transport adapts each connection to a {@link dev.callstack.realtime.ClientSink} and registers it:
 * <pre>{@code
 * EventSelection selection = EventSelection.parse(eventsParam);   // may throw UnsupportedEventFilterException
 * ClientHandle handle = hub.register(sink, selection, canSeeContent ? View.CONTENT : View.REDACTED);
 * // when the channel becomes writable again:  handle.writabilityChanged();
 * // when the connection goes away:            handle.close();
 * }</pre>
 *
 * <p>The hub subscribes to the {@link dev.callstack.core.event.EventBus} once, inline. For each published event it
 * assigns the next id, encodes it at most once per view and offers the shared bytes to each matching client's bounded
 * queue; a client whose queue is full loses its oldest event and is told how many it lost by an {@code overflow}
 * message placed right before the next event it receives. Wire format: the envelope is
 * {@link dev.callstack.realtime.internal.EnvelopeEncoder}'s; each event's {@code data} is
 * {@link dev.callstack.realtime.WireViews}'s, which the HTTP API (and anything else that shows an SMS, a delivery
 * report or a USSD reply) calls too, so every transport shows one view.
 */
package dev.callstack.realtime;
