package dev.cinderemulator.volume;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import dev.cinderemulator.store.QuotaUsage;

interface Volumes extends JpaRepository<Volume, String> {

    Optional<Volume> findByIdAndProjectId(String id, String projectId);

    @Query("select new dev.cinderemulator.store.QuotaUsage(count(v), coalesce(sum(v.size), 0L)) from Volume v "
            + "where v.projectId = :projectId")
    QuotaUsage usageOf(String projectId);

    List<Volume> findByProjectId(String projectId, Sort sort);
}
