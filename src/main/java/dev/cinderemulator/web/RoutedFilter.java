package dev.cinderemulator.web;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.http.HttpServletRequest;

/** A filter of Cinder's pipeline after {@link CinderUrlLayout}: it sees only the requests that layout routed. */
abstract class RoutedFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return CinderUrlLayout.Routed.of(request) == null;
    }
}
