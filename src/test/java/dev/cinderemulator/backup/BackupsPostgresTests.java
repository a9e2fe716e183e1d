package dev.cinderemulator.backup;

import dev.cinderemulator.support.OnPostgres;

/** Every backups flow (create, restore, delete, incrementals, export/import, lists with markers) on PostgreSQL. */
@OnPostgres
class BackupsPostgresTests extends BackupsAcceptanceTests {
}
