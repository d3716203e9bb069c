package cn.mashang.concern.tracking;

import java.util.List;

/**
 * Formal work a concern went into beyond the station (a deputy's 代表建议, cn.mashang.suggestion), for the resident's
 * tracking page; implemented by the feature that owns it so tracking does not depend on it.
 */
public interface TrackLinks {
    List<TrackView.Suggestion> suggestions(long concernId);
}
