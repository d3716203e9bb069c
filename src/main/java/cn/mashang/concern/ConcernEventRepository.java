package cn.mashang.concern;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** Insert-only access to the timeline: no update, no delete. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface ConcernEventRepository extends GenericRepository<ConcernEvent, Long> {
    ConcernEvent save(ConcernEvent event);

    List<ConcernEvent> findByConcernIdOrderById(Long concernId);

    List<ConcernEvent> findByConcernIdAndIsPublicTrueOrderById(Long concernId);

    long countByConcernIdAndType(Long concernId, ConcernEventType type);
}
