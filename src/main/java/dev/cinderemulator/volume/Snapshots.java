package dev.cinderemulator.volume;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Snapshots extends JpaRepository<Snapshot, String> {

    Optional<Snapshot> findByIdAndProjectId(String id, String projectId);

    long countByProjectId(String projectId);

    List<Snapshot> findByVolumeId(String volumeId);

    @Query("select coalesce(sum(s.size), 0) from Snapshot s where s.projectId = :projectId")
    long sumSizeByProjectId(String projectId);

    List<Snapshot> findByProjectId(String projectId, Sort sort);
}
