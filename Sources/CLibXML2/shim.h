#ifndef QUADERNO_CLIBXML2_SHIM_H
#define QUADERNO_CLIBXML2_SHIM_H

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlIO.h>

/// Frees memory that libxml2 allocated (Swift 6 rejects the `xmlFree` global function pointer).
static inline void quaderno_xmlFree(void *pointer) {
    xmlFree(pointer);
}

/// An external-entity loader that refuses every URL: no file or network access from documents.
static inline xmlParserInputPtr quaderno_refuse_entity(const char *url, const char *id,
                                                       xmlParserCtxtPtr context) {
    (void)url; (void)id; (void)context;
    return NULL;
}

/// Installs the refusing loader process-wide. Idempotent.
static inline void quaderno_install_entity_guard(void) {
    xmlSetExternalEntityLoader(quaderno_refuse_entity);
}

/// The parser's current line, for error messages.
static inline int quaderno_ctxt_line(xmlParserCtxtPtr context) {
    if (context == NULL || context->input == NULL) return 0;
    return context->input->line;
}

#endif
