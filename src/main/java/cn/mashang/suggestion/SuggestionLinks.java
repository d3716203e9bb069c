package cn.mashang.suggestion;

import cn.mashang.concern.tracking.TrackLinks;
import cn.mashang.concern.tracking.TrackView;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** Tells the resident's tracking page which suggestions their concern went into (title, number, session, state). */
@Singleton
class SuggestionLinks implements TrackLinks {
    private final SuggestionStore store;
    private final SuggestionRepository repo;

    SuggestionLinks(SuggestionStore store, SuggestionRepository repo) {
        this.store = store;
        this.repo = repo;
    }

    @Override
    public List<TrackView.Suggestion> suggestions(long concernId) {
        return store.ofConcern(concernId).stream().map(repo::findById).flatMap(Optional::stream)
                .map(s -> new TrackView.Suggestion(s.title(), s.number(), s.sessionName(), s.state().name(),
                        s.state().label())).toList();
    }
}
