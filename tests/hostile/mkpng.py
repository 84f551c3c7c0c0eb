# mkpng.py PATH W H [MARKER]: a plain RGB PNG of W x H pixels, with MARKER in a
# tEXt chunk so a test can look for the file's bytes in an output.
import sys, zlib, struct
def png(path, w, h, marker=b'', rgb=(200,30,30)):
    def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    raw = b''.join(b'\0' + bytes(rgb) * w for _ in range(h))
    data = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0))
    if marker: data += chunk(b'tEXt', b'Comment\0' + marker)
    data += chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b'')
    open(path, 'wb').write(data)
if __name__ == '__main__':
    png(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4].encode() if len(sys.argv) > 4 else b'')
