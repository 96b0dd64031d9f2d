/**
 * The Autobahn case catalogue, one class per group, each case written against
 * {@link io.niows.spectests.cases.CaseContext} (a role-agnostic peer), plus the judge that
 * turns what happened into Autobahn's verdicts.
 */
package io.niows.spectests.cases;
