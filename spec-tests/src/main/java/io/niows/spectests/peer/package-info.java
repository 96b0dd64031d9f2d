/**
 * The role-agnostic peer connection the cases are written against: send raw bytes, receive
 * frames, observe the TCP close. The fuzzing client connects one; a fuzzing server would
 * accept one; the cases do not know which.
 */
package io.niows.spectests.peer;
