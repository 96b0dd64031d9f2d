/** Reports in Autobahn's shapes (index.json, one JSON per case, HTML) and the expected-results gate. */
package io.niows.spectests.report;
