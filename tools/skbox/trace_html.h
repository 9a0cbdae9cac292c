/* The packet trace as a self-contained HTML page (trace_html.c). */
#ifndef SKBOX_TOOLS_TRACE_HTML_H
#define SKBOX_TOOLS_TRACE_HTML_H

struct world;

/* Writes the page for the events recorded so far (TRACE_RECORD); 0 or -1
 * with errno set. */
int trace_html_write(struct world *w, const char *path);

#endif
