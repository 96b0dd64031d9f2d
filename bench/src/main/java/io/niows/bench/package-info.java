/** JMH benchmarks of the frame path and the side-by-side load comparison. */
package io.niows.bench;
