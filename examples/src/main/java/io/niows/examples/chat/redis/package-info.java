/**
 * The chat across several processes: one room shared by chat nodes through Redis (pub/sub for
 * the room's events, a capped list for its history, a hash for who is online). The one-process
 * chat does not use it.
 */
package io.niows.examples.chat.redis;
