/** The Autobahn-style conformance suite: a fuzzing client and server with their own codec. */
package io.niows.spectests;
