// A growable byte buffer, shared by nsdeck-netdump's parts.
#ifndef NSDECK_BUFFER_H
#define NSDECK_BUFFER_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct buffer {
	char *data;
	size_t length, capacity;
};

static inline void append(struct buffer *b, const void *bytes, size_t n) {
	if (b->length + n > b->capacity) {
		b->capacity = (b->length + n) * 2;
		b->data = realloc(b->data, b->capacity);
		if (!b->data) {
			perror("nsdeck-netdump");
			exit(1);
		}
	}
	memcpy(b->data + b->length, bytes, n);
	b->length += n;
}

static inline void append_text(struct buffer *b, const char *text) {
	append(b, text, strlen(text));
}
#endif
