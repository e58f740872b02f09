#ifndef QUADERNO_CLIBXML2_SHIM_H
#define QUADERNO_CLIBXML2_SHIM_H

/* Debian's libxml2 is built with ICU, and libxml/encoding.h then includes the system's ICU headers,
   which clash with the ICU that Swift's Foundation ships (module _FoundationICU) in any file that
   imports both. Quaderno never touches ICU converters (only pointers to encoding handlers), so the
   ICU part of libxml2's headers is left out. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlIO.h>
#include <libxml/tree.h>
#include <libxml/xmlversion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/// Errors collected by `quaderno_schema_validate`: "LINE\tMESSAGE\n" records in one malloc'd buffer.
typedef struct quaderno_schema_errors {
    char *text;
    size_t length;
    size_t capacity;
    int count;
} quaderno_schema_errors;

/// Appends one record (at most 200 are kept; `count` keeps counting).
static inline void quaderno_schema_errors_add(quaderno_schema_errors *errors, int line, const char *message) {
    if (errors == NULL) return;
    errors->count += 1;
    if (errors->count > 200) return;
    if (message == NULL) message = "schema error";
    size_t needed = strlen(message) + 32;
    if (errors->length + needed + 1 > errors->capacity) {
        size_t capacity = (errors->capacity + needed + 1) * 2;
        char *grown = (char *)realloc(errors->text, capacity);
        if (grown == NULL) return;
        errors->text = grown;
        errors->capacity = capacity;
    }
    int written = snprintf(errors->text + errors->length, errors->capacity - errors->length, "%d\t%s", line, message);
    if (written < 0) return;
    errors->length += (size_t)written;
    while (errors->length > 0 && (errors->text[errors->length - 1] == '\n' || errors->text[errors->length - 1] == ' ')) {
        errors->length -= 1;
    }
    errors->text[errors->length++] = '\n';
    errors->text[errors->length] = '\0';
}

#if LIBXML_VERSION >= 21200
#define QUADERNO_ERROR_CONST const
#else
#define QUADERNO_ERROR_CONST
#endif

/// A structured-error handler that records into a `quaderno_schema_errors`.
static inline void quaderno_schema_collect(void *data, QUADERNO_ERROR_CONST xmlError *error) {
    if (error == NULL) return;
    quaderno_schema_errors_add((quaderno_schema_errors *)data, error->line, error->message);
}

/// Validates the XML document in `document` against the schema in `schema` (both in memory, so no
/// loader is involved). The document is parsed with safe options only: no network, no entity
/// substitution, no DTD loading. Returns 0 when valid, 1 when invalid, -1 when the schema itself
/// cannot be used, -2 when the document is not well-formed. Messages go to `errors`; free
/// `errors->text` with `free()`.
static inline int quaderno_schema_validate(const char *schema, int schemaLength, const char *document,
                                           int documentLength, const char *url, quaderno_schema_errors *errors) {
    int result = -1;
    xmlSchemaParserCtxtPtr parser = xmlSchemaNewMemParserCtxt(schema, schemaLength);
    if (parser == NULL) return -1;
    xmlSchemaSetParserStructuredErrors(parser, (xmlStructuredErrorFunc)quaderno_schema_collect, errors);
    xmlSchemaPtr compiled = xmlSchemaParse(parser);
    xmlSchemaFreeParserCtxt(parser);
    if (compiled == NULL) return -1;
    xmlParserCtxtPtr context = xmlNewParserCtxt();
    xmlDocPtr doc = NULL;
    if (context != NULL) {
        doc = xmlCtxtReadMemory(context, document, documentLength, url, "UTF-8",
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
        if (doc == NULL) {
            QUADERNO_ERROR_CONST xmlError *last = xmlCtxtGetLastError(context);
            quaderno_schema_errors_add(errors, last ? last->line : 0, last ? last->message : "not well-formed");
            result = -2;
        }
        xmlFreeParserCtxt(context);
    }
    if (doc != NULL) {
        xmlSchemaValidCtxtPtr validator = xmlSchemaNewValidCtxt(compiled);
        if (validator != NULL) {
            xmlSchemaSetValidStructuredErrors(validator, (xmlStructuredErrorFunc)quaderno_schema_collect, errors);
            int status = xmlSchemaValidateDoc(validator, doc);
            result = status == 0 ? 0 : (status > 0 ? 1 : -1);
            xmlSchemaFreeValidCtxt(validator);
        }
        xmlFreeDoc(doc);
    }
    xmlSchemaFree(compiled);
    return result;
}

#endif
