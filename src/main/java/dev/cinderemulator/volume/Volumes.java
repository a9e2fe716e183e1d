package dev.cinderemulator.volume;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Volumes extends JpaRepository<Volume, String> {

    Optional<Volume> findByIdAndProjectId(String id, String projectId);

    long countByProjectId(String projectId);

    @Query("select coalesce(sum(v.size), 0) from Volume v where v.projectId = :projectId")
    long sumSizeByProjectId(String projectId);

    List<Volume> findByProjectId(String projectId, Sort sort);
}
