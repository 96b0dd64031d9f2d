/** Runnable niows examples: echo, broadcast and the browser chat. */
package io.niows.examples;
