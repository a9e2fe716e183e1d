package dev.cinderemulator.web;

import dev.cinderemulator.auth.Credentials;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What Cinder knows about one API request once it reaches a controller: the caller, the
 * microversion, and how the URL was laid out (project id in the path or not, PCD prefix), which
 * decides the links it renders.
 */
public record CinderRequest(Credentials credentials, ApiVersion version, String projectIdInUrl, String baseUrl) {

    static final String ATTRIBUTE = CinderRequest.class.getName();

    public static CinderRequest of(HttpServletRequest request) {
        return (CinderRequest) request.getAttribute(ATTRIBUTE);
    }

    public String projectId() {
        return credentials.projectId();
    }

    public String userId() {
        return credentials.userId();
    }

    public boolean isAdmin() {
        return credentials.isAdmin();
    }

    public boolean atLeast(int minor) {
        return version.atLeast(minor);
    }

    /** Gates a route that exists only from a microversion on, with the bare 404 Cinder gives below it. */
    public void requireAtLeast(int minor) {
        if (!atLeast(minor)) {
            throw CinderException.resourceNotFound();
        }
    }

    /** {@code <base>/v3[/<project>]/<collection>/<id>}: the {@code self} link. */
    public String selfHref(String collection, String id) {
        return baseUrl + "/v3" + projectSegment() + "/" + collection + "/" + id;
    }

    /** The same without the version segment: the {@code bookmark} link. */
    public String bookmarkHref(String collection, String id) {
        return baseUrl + projectSegment() + "/" + collection + "/" + id;
    }

    public String collectionHref(String path) {
        return baseUrl + "/v3" + projectSegment() + "/" + path;
    }

    private String projectSegment() {
        return projectIdInUrl == null ? "" : "/" + projectIdInUrl;
    }
}
