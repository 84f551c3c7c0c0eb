/* Fuzz target: PNG bytes -> md2pdf's own PNG encoder (pngobj.c): the chunk
 * walk and CRCs, the IDAT pass-through check (inflating to the exact size,
 * the row filter bytes), libpng's decode with cairo's transforms, the
 * colour and alpha planes and their reduction to gray or one bit.  An
 * article's PNG is whatever its author put on disk, so every byte here is
 * hostile.  The size comes from the IHDR, as image.c reads it, within the
 * pixel limit a real run applies before encoding.  A custom mutator
 * writes each chunk's CRC again after libFuzzer's mutation: otherwise
 * nearly every mutant stops at the first CRC check. */
#include <libdeflate.h>
#include <stdint.h>
#include <stdlib.h>
#include <zlib.h>

#include "fuzz_common.h"
#include "pdf.h"

static struct libdeflate_compressor *deflater;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	deflater = libdeflate_alloc_compressor(6);
	if (!deflater)
		abort();
	return 0;
}

static uint32_t
be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed);

size_t
LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed)
{
	(void)seed;
	size = LLVMFuzzerMutate(data, size, max_size);
	/* after the signature: length, type, data, CRC of type and data */
	for (size_t i = 8; i + 12 <= size;) {
		uint32_t len = be32(data + i);
		if (len > size - i - 12)
			break;
		uLong crc = crc32(0L, data + i + 4, len + 4);
		uint8_t *c = data + i + 8 + len;
		c[0] = (uint8_t)(crc >> 24);
		c[1] = (uint8_t)(crc >> 16);
		c[2] = (uint8_t)(crc >> 8);
		c[3] = (uint8_t)crc;
		i += 12 + (size_t)len;
	}
	return size;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint32_t w = 1, h = 1;
	if (size >= 24) {
		w = be32(data + 16);
		h = be32(data + 20);
	}
	/* a real run refuses more pixels than --max-image-pixels first; keep
	 * the fuzzer's memory small */
	if (w == 0 || h == 0 || w > 4096 || h > 4096 || (uint64_t)w * h > (1u << 20))
		return 0;
	struct pdf_png *p = pdf_png_encode(data, size, (int)w, (int)h, deflater);
	if (p) {
		/* what imgobj.c reads from it */
		gsize n;
		if (!p->dict || !p->data || !g_bytes_get_data(p->data, &n))
			abort();
		if (p->smask)
			g_bytes_get_data(p->smask, &n);
		pdf_png_free(p);
	}
	return 0;
}
