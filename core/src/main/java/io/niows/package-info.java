/**
 * The public API of niows: servers, clients, connections, handlers and the broadcaster.
 */
package io.niows;
