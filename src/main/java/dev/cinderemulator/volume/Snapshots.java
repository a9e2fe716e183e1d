package dev.cinderemulator.volume;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import dev.cinderemulator.store.QuotaUsage;

interface Snapshots extends JpaRepository<Snapshot, String> {

    Optional<Snapshot> findByIdAndProjectId(String id, String projectId);

    List<Snapshot> findByVolumeId(String volumeId);

    @Query("select new dev.cinderemulator.store.QuotaUsage(count(s), coalesce(sum(s.size), 0L)) from Snapshot s "
            + "where s.projectId = :projectId")
    QuotaUsage usageOf(String projectId);

    List<Snapshot> findByProjectId(String projectId, Sort sort);
}
