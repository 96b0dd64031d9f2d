/**
 * The fuzzer's endpoint behaviour, modelled on Autobahn's protocol object: sending frames
 * as a case asks (chopped, synchronous, unmasked...), answering pings and closes, timers
 * (continue later, kill after, close after), and the facts the judge reads afterwards
 * (who closed, whether cleanly, with which codes).
 */
package io.niows.spectests.engine;
