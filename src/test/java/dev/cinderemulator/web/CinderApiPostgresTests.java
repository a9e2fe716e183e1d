package dev.cinderemulator.web;

import dev.cinderemulator.support.OnPostgres;

/** The API plumbing (versions, faults, URL layouts, size limits) with PostgreSQL behind it. */
@OnPostgres
class CinderApiPostgresTests extends CinderApiAcceptanceTests {
}
