package dev.cinderemulator.backup;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import dev.cinderemulator.store.QuotaUsage;

interface Backups extends JpaRepository<Backup, String> {

    Optional<Backup> findByIdAndProjectId(String id, String projectId);

    @Query("select new dev.cinderemulator.store.QuotaUsage(count(b), coalesce(sum(b.size), 0L)) from Backup b "
            + "where b.projectId = :projectId")
    QuotaUsage usageOf(String projectId);

    boolean existsByParentId(String parentId);

    List<Backup> findByVolumeIdAndProjectId(String volumeId, String projectId);

    List<Backup> findByProjectId(String projectId, Sort sort);

    @Query("select b.status, count(b) from Backup b group by b.status")
    List<Object[]> countByStatus();
}
