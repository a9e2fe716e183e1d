package dev.cinderemulator.api;

import dev.cinderemulator.support.OnPostgres;

/** The API plumbing (versions, faults, URL layouts, size limits) with PostgreSQL behind it. */
@OnPostgres
class CinderApiPostgresTests extends CinderApiAcceptanceTests {
}
