package cn.mashang.open311;

import io.micronaut.http.MediaType;

/** The two answer formats of GeoReport v2, chosen by the path's extension ({@code .xml} or {@code .json}). */
enum Format {
    XML(MediaType.of("text/xml;charset=UTF-8")), JSON(MediaType.of("application/json;charset=UTF-8"));

    private final MediaType mediaType;

    Format(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /** The format named by a path extension; anything else answers 404 (as JSON). */
    static Format of(String extension) {
        if ("xml".equals(extension)) {
            return XML;
        }
        if ("json".equals(extension)) {
            return JSON;
        }
        throw Open311Exception.notFound("format '" + extension + "' is not offered: use .xml or .json");
    }

    /** The format of a request path (for error answers): XML for {@code *.xml}, else JSON. */
    static Format ofPath(String path) {
        return path != null && path.endsWith(".xml") ? XML : JSON;
    }
}
