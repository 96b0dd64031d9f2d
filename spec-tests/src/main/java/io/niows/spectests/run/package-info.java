/** Running cases against a target: connecting, timing, judging, collecting results. */
package io.niows.spectests.run;
