/**
 * The emulator's own control API on {@code /_emulator}: reset, fixtures, timing, the virtual
 * clock, fault rules and the request journal, as a table of small routes ({@link
 * dev.cinderemulator.control.ControlRoutes}). Who may call it: a caller on the loopback
 * interface, with or without a token; any other caller only with an admin token (Keystone admin
 * role, or any token in {@code noauth} mode, where every token is admin); everyone when
 * {@code emulator.control.open=true}. Others get 403. Errors are
 * {@code {"error": {"code": N, "title": "...", "message": "..."}}} and name the field at fault.
 */
package dev.cinderemulator.control;
