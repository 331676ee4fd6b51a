"""BPF ELF objects (what `clang -target bpf -c` writes) -> Program values, as libbpf links them.

- Every function symbol of an executable section other than `.text` is a program; its type
  comes from the section name (libbpf SEC names, `isa.opcodes.prog_type_from_section`) unless
  `prog_type` overrides it. An object with only `.text` gives its functions as programs.
- Subprograms (`.text` functions, or other functions of the same section) are appended after
  the program in the order libbpf appends them: the instructions are scanned in order, the
  first call (or `ld_imm64` function address) into a function not yet placed appends it at the
  end, and the appended code is scanned in turn. They are recorded in `Program.funcs` with the
  linkage of their BTF FUNC (static/global; the symbol binding without BTF).
- Relocations: a call against an undefined symbol is a kfunc call (`src=BPF_PSEUDO_KFUNC_CALL`,
  `sym` = kfunc name, `imm` = its id in the reference kernel's BTF when known); a call into code
  is a bpf-to-bpf call (`src=BPF_PSEUDO_CALL`, `sym` = callee); a plain call is a helper call
  (`sym` = helper name); an `ld_imm64` against a map becomes `src=BPF_PSEUDO_MAP_FD, sym=map`,
  against global data (`.data`, `.rodata*`, `.bss`) `src=BPF_PSEUDO_MAP_VALUE` into that
  section's array map, against a function `src=BPF_PSEUDO_FUNC`, against an extern variable
  (`__ksym`) `src=BPF_PSEUDO_BTF_ID, sym=name`.
- Maps: BTF-defined (`.maps`: `type`, `key`/`value` or `key_size`/`value_size`, `max_entries`
  read from the BTF VAR's struct) and legacy `maps` (struct bpf_map_def); `Program.maps` holds
  the maps the program references, in the object's order.
- CO-RE field relocations (`preserve_access_index`, vmlinux.h) are applied against the kernel
  BTF (`btf.kernel_btf()`), as libbpf would before loading: byte offset, byte size, existence.
- `.BTF.ext` line info gives `Program.c_locs` (and `Program.locs`): per slot, the C file, line,
  column and source text of the last line-info record at or before it in its function.

Anything truncated or malformed raises InputError(file, 0, 0, msg).
"""
from __future__ import annotations

import io
import struct
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..btf.ext import BtfExt, CoreReloKind, CoreReloRecord
from ..btf.reader import Btf, BtfError
from ..btf.types import Kind, Linkage
from ..errors import InputError
from ..isa.codec import decode
from ..isa.insn import Alu, Imm64Tail, Insn, Jmp, Load, LoadImm64, Store, StoreImm
from ..isa.opcodes import (
    BYTES_SIZE,
    PSEUDO_BTF_ID,
    PSEUDO_CALL,
    PSEUDO_FUNC,
    PSEUDO_KFUNC_CALL,
    PSEUDO_MAP_FD,
    PSEUDO_MAP_VALUE,
    SIZE_BYTES,
    ProgType,
    Size,
    Src,
    prog_type_from_section,
)
from ..program import FuncInfo, MapDef, Program, SourceLoc

EM_BPF = 247
SHF_EXECINSTR = 0x4
MAP_SECTIONS = (".maps", "maps")
DATA_PREFIXES = (".data", ".rodata", ".bss")
ARRAY_MAP = 2
MAX_PROGRAM_SLOTS = 1 << 20  # a sanity bound on linking (the kernel's limit is 1M insns)


def load_elf(path: str | Path, data: bytes | ProgType | None = None,
             prog_type: ProgType | None = None) -> list[Program]:
    """The programs of the BPF ELF object at `path` (its bytes may be passed as `data`).

    Also callable as `load_elf(path, prog_type)`. Raises InputError naming the file when the
    object is truncated, corrupt or uses something this reader does not handle."""
    if data is not None and not isinstance(data, (bytes, bytearray, memoryview)):
        data, prog_type = None, data
    file = str(path)
    if data is None:
        try:
            data = Path(path).read_bytes()
        except OSError as e:
            raise InputError(file, 0, 0, f"cannot read: {e.strerror or e}") from None
    from elftools.common.exceptions import ELFError
    from elftools.construct import ConstructError

    try:
        return _Object(file, bytes(data)).programs(prog_type)
    except InputError:
        raise
    except (ELFError, ConstructError, BtfError, struct.error, EOFError) as e:
        raise InputError(file, 0, 0, f"malformed BPF ELF object: {e}") from None
    except (KeyError, IndexError) as e:
        # a corrupt index (a BTF type id, a symbol or section number) read from the object
        raise InputError(file, 0, 0, f"malformed BPF ELF object: bad index {e}") from None
    except (ValueError, OverflowError, UnicodeDecodeError) as e:
        raise InputError(file, 0, 0, f"malformed BPF ELF object: {e}") from None


@dataclass
class _Symbol:
    name: str
    value: int
    size: int
    type: str  # STT_FUNC, STT_OBJECT, STT_SECTION, STT_NOTYPE, ...
    bind: str  # STB_GLOBAL, STB_LOCAL, STB_WEAK
    shndx: int | None  # None: undefined (an extern)


@dataclass
class _Func:
    start: int  # slot in its section
    end: int
    name: str
    bind: str


@dataclass
class _Section:
    index: int
    name: str
    slots: tuple[Insn, ...] = ()
    funcs: list[_Func] = field(default_factory=list)
    relocs: dict[int, _Symbol] = field(default_factory=dict)  # slot -> symbol
    c_locs: list[SourceLoc | None] = field(default_factory=list)
    linkage: dict[int, str] = field(default_factory=dict)  # func start slot -> BTF linkage

    def func_at(self, slot: int) -> _Func:
        for f in self.funcs:
            if f.start <= slot < f.end:
                return f
        raise ValueError(f"instruction {slot} of section {self.name} is in no function")


class _Object:
    def __init__(self, file: str, data: bytes) -> None:
        from elftools.elf.elffile import ELFFile

        self.file = file
        if len(data) < 64:
            raise self.error(f"truncated ELF object ({len(data)} bytes; the ELF header alone is 64)")
        self.elf = elf = ELFFile(io.BytesIO(data))
        if elf.elfclass != 64 or not elf.little_endian:
            raise self.error("not a 64-bit little-endian ELF object (BPF objects are ELF64 LE)")
        if elf["e_machine"] not in ("EM_BPF", EM_BPF):
            raise self.error(f"not a BPF object (e_machine {elf['e_machine']})")
        shoff, shnum, shentsize = elf["e_shoff"], elf["e_shnum"], elf["e_shentsize"]
        if shoff + shnum * shentsize > len(data):
            raise self.error("truncated ELF object: the section header table runs past the end of the file")
        self.sections = list(elf.iter_sections())
        for sec in self.sections:
            if sec["sh_type"] != "SHT_NOBITS" and sec["sh_offset"] + sec["sh_size"] > len(data):
                raise self.error(f"truncated ELF object: section {sec.name or sec['sh_type']} runs past "
                                 f"the end of the file ({sec['sh_offset'] + sec['sh_size']} > {len(data)} bytes)")
        self.symbols = self._symbols()
        self.btf, self.ext = self._btf()
        self.code: dict[int, _Section] = {}
        for i, sec in enumerate(self.sections):
            if sec["sh_type"] == "SHT_PROGBITS" and sec["sh_flags"] & SHF_EXECINSTR and sec["sh_size"]:
                self.code[i] = self._code_section(i, sec)
        for sec in self.sections:
            if sec["sh_type"] == "SHT_REL" and sec["sh_info"] in self.code:
                self._relocations(self.code[sec["sh_info"]], sec)
        self.license = self._license()
        self.map_defs = self._maps()
        self._core_target: Btf | None = None
        for c in self.code.values():
            self._apply_core(c)

    def error(self, msg: str) -> InputError:
        return InputError(self.file, 0, 0, msg)

    # --- reading the object --------------------------------------------------------------
    def section_name(self, index: int | None) -> str:
        if index is None or not 0 <= index < len(self.sections):
            return ""
        return self.sections[index].name

    def _symbols(self) -> list[_Symbol]:
        from elftools.elf.sections import SymbolTableSection

        symtab = self.elf.get_section_by_name(".symtab")
        if not isinstance(symtab, SymbolTableSection):
            raise self.error("no symbol table (.symtab): was the object stripped?")
        out = []
        for s in symtab.iter_symbols():
            shndx = s["st_shndx"]
            idx = shndx if isinstance(shndx, int) else None
            if shndx == "SHN_ABS":
                idx = -1
            out.append(_Symbol(s.name, s["st_value"], s["st_size"], s["st_info"]["type"],
                               s["st_info"]["bind"], idx))
        return out

    def _btf(self) -> tuple[Btf | None, BtfExt | None]:
        sec = self.elf.get_section_by_name(".BTF")
        if sec is None:
            return None, None
        btf = Btf.from_bytes(sec.data())
        ext_sec = self.elf.get_section_by_name(".BTF.ext")
        ext = BtfExt.from_bytes(ext_sec.data(), btf) if ext_sec is not None else None
        return btf, ext

    def _code_section(self, index: int, sec: object) -> _Section:
        name = sec.name  # type: ignore[attr-defined]
        raw = sec.data()  # type: ignore[attr-defined]
        if len(raw) % 8:
            raise self.error(f"section {name}: size {len(raw)} is not a multiple of 8 (struct bpf_insn)")
        c = _Section(index, name, decode(raw, self.file))
        n = len(c.slots)
        funcs = sorted((s for s in self.symbols if s.shndx == index and s.type == "STT_FUNC"),
                       key=lambda s: s.value)
        for k, s in enumerate(funcs):
            if s.value % 8 or s.value // 8 >= n:
                raise self.error(f"section {name}: function {s.name} at byte {s.value} is not at an instruction")
            end = funcs[k + 1].value // 8 if k + 1 < len(funcs) else n
            if s.size:
                end = min(end, (s.value + s.size + 7) // 8)
            c.funcs.append(_Func(s.value // 8, end, s.name, s.bind))
        if not c.funcs:
            c.funcs.append(_Func(0, n, name, "STB_GLOBAL"))
        elif c.funcs[0].start:
            c.funcs.insert(0, _Func(0, c.funcs[0].start, name, "STB_LOCAL"))
        if self.ext is not None and self.btf is not None:
            for rec in self.ext.func_info.get(name, ()):
                t = self.btf.get(rec.type_id)
                if t is not None and t.is_func:
                    c.linkage[rec.insn_off // 8] = "global" if t.linkage == Linkage.GLOBAL else "static"
            c.c_locs = self._line_locs(c)
        return c

    def _line_locs(self, c: _Section) -> list[SourceLoc | None]:
        """Per slot: the last line-info record at or before it within its function."""
        assert self.ext is not None
        recs = sorted(self.ext.line_info.get(c.name, ()), key=lambda r: r.insn_off)
        at: dict[int, SourceLoc] = {}
        for r in recs:
            at[r.insn_off // 8] = SourceLoc(r.file, r.line, r.col, r.text)
        out: list[SourceLoc | None] = [None] * len(c.slots)
        starts = {f.start for f in c.funcs}
        cur: SourceLoc | None = None
        for k in range(len(c.slots)):
            if k in starts:
                cur = None
            cur = at.get(k, cur)
            out[k] = cur
        return out

    def _relocations(self, c: _Section, rel: object) -> None:
        for r in rel.iter_relocations():  # type: ignore[attr-defined]
            off, sym_idx = r["r_offset"], r["r_info_sym"]
            if off % 8 or off // 8 >= len(c.slots):
                raise self.error(f"section {c.name}: relocation at byte {off} is not at an instruction")
            if not 0 <= sym_idx < len(self.symbols):
                raise self.error(f"section {c.name}: relocation at byte {off} names symbol #{sym_idx}, "
                                 f"beyond the symbol table")
            c.relocs[off // 8] = self.symbols[sym_idx]

    def _license(self) -> str:
        sec = self.elf.get_section_by_name("license")
        if sec is None:
            return "GPL"
        return sec.data().split(b"\0", 1)[0].decode("utf-8", "replace")

    def _maps(self) -> dict[str, MapDef]:
        """Every map the object defines, by symbol name, in the object's order."""
        out: dict[str, MapDef] = {}
        for sec_name in MAP_SECTIONS:
            sec = self.elf.get_section_by_name(sec_name)
            if sec is None:
                continue
            idx = self.sections.index(sec)
            syms = sorted((s for s in self.symbols if s.shndx == idx and s.type in ("STT_OBJECT", "STT_NOTYPE")
                           and s.name), key=lambda s: s.value)
            for s in syms:
                if sec_name == ".maps":
                    out[s.name] = self._btf_map(s.name)
                else:
                    out[s.name] = self._legacy_map(s, sec.data())
        return out

    def _btf_map(self, name: str) -> MapDef:
        if self.btf is None:
            return MapDef(name)
        var = next((t for t in self.btf.find_all(name, Kind.VAR)), None)
        if var is None:
            raise self.error(f"map {name}: no BTF VAR describes it")
        st = self.btf.skip_modifiers(var.type)
        if not st.is_struct:
            raise self.error(f"map {name}: its BTF type is {st.kind_str}, not a struct")
        fields: dict[str, int] = {}
        for m in st.members:
            t = self.btf.skip_modifiers(m.type)
            if not t.is_ptr:
                raise self.error(f"map {name}: member {m.name} is not a __uint/__type pointer")
            pointee = self.btf.skip_modifiers(t.type)
            if m.name in ("key", "value"):
                size = self.btf.size_of(t.type)
                if size is None:
                    raise self.error(f"map {name}: the size of its {m.name} type is unknown")
                fields[m.name + "_size"] = size
            elif pointee.kind == Kind.ARRAY and pointee.array is not None:
                fields[m.name] = pointee.array.nelems
        mtype = fields.get("type", 0)
        if not mtype:
            raise self.error(f"map {name}: no map type (__uint(type, ...))")
        return MapDef(name, mtype, fields.get("key_size", 0), fields.get("value_size", 0),
                      fields.get("max_entries", 0))

    def _legacy_map(self, s: _Symbol, data: bytes) -> MapDef:
        if s.value + 16 > len(data):
            raise self.error(f"map {s.name}: struct bpf_map_def runs past the end of section maps")
        mtype, ks, vs, entries = struct.unpack_from("<IIII", data, s.value)
        return MapDef(s.name, mtype, ks, vs, entries)

    # --- CO-RE ---------------------------------------------------------------------------
    def _apply_core(self, c: _Section) -> None:
        relos = self.ext.core_relos.get(c.name, ()) if self.ext is not None else ()
        if not relos:
            return
        assert self.btf is not None
        slots = list(c.slots)
        for r in relos:
            k = r.insn_off // 8
            if r.insn_off % 8 or k >= len(slots):
                raise self.error(f"section {c.name}: CO-RE relocation at byte {r.insn_off} is not at an instruction")
            slots[k] = self._core_patch(c, k, slots[k], r)
        c.slots = tuple(slots)

    def _core_patch(self, c: _Section, k: int, insn: Insn, r: CoreReloRecord) -> Insn:
        assert self.btf is not None
        where = f"section {c.name} insn {k}"
        try:
            kind = CoreReloKind(r.kind)
        except ValueError:
            raise self.error(f"{where}: unknown CO-RE relocation kind {r.kind}") from None
        if kind not in (CoreReloKind.FIELD_BYTE_OFFSET, CoreReloKind.FIELD_BYTE_SIZE, CoreReloKind.FIELD_EXISTS):
            raise self.error(f"{where}: CO-RE relocation {kind.name} is not supported")
        local = _field_spec(self.btf, r.type_id, r.access)
        if local is None:
            raise self.error(f"{where}: bad CO-RE access string {r.access!r} on type {r.type_id}")
        target = self._core_target_spec(r)
        if kind == CoreReloKind.FIELD_EXISTS:
            return replace(insn, imm=1 if target is not None else 0)
        if target is None:
            root = self.btf[r.type_id]
            raise self.error(f"{where}: CO-RE relocation: the kernel BTF has no field "
                             f"{_access_text(self.btf, r)} of {self.btf.c_name(root.id)}")
        orig, new = (local[0], target[0]) if kind == CoreReloKind.FIELD_BYTE_OFFSET else (local[1], target[1])
        if kind == CoreReloKind.FIELD_BYTE_OFFSET and isinstance(insn, (Load, Store, StoreImm)):
            if insn.off != orig:
                raise self.error(f"{where}: CO-RE relocation expects offset {orig}, the instruction has {insn.off}")
            patched = replace(insn, off=new)
            resized = local[1] != target[1] and local[1] in BYTES_SIZE and target[1] in BYTES_SIZE
            if resized and SIZE_BYTES[Size(insn.code & 0x18)] == local[1]:  # libbpf adjusts the size
                patched = replace(patched, code=(insn.code & ~0x18) | BYTES_SIZE[target[1]])
            return patched
        if isinstance(insn, (Alu, LoadImm64)):
            if isinstance(insn, Alu) and insn.source != Src.K:
                raise self.error(f"{where}: CO-RE relocation on a register-source ALU instruction")
            return replace(insn, imm=new)
        raise self.error(f"{where}: CO-RE relocation on an instruction it cannot patch")

    def _core_target_spec(self, r: CoreReloRecord) -> tuple[int, int] | None:
        """(byte offset, byte size) of the field in the kernel's BTF, None if it has none."""
        assert self.btf is not None
        if self._core_target is None:
            from ..btf import kernel_btf

            self._core_target = kernel_btf()
        tgt = self._core_target
        root = self.btf.skip_modifiers(r.type_id)
        name = root.name
        essential = name.split("___")[0] if "___" in name else name
        cands = [t for t in tgt.find_all(name, root.kind)]
        if essential != name:
            cands += [t for t in tgt.find_all(essential, root.kind)]
        for cand in cands:
            spec = _match_spec(self.btf, root.id, tgt, cand.id, r.access)
            if spec is not None:
                return spec
        return None

    # --- linking -------------------------------------------------------------------------
    def programs(self, prog_type: ProgType | None) -> list[Program]:
        prog_secs = [c for c in self.code.values() if c.name != ".text"]
        if not prog_secs:
            prog_secs = list(self.code.values())
        out = []
        for c in prog_secs:
            ptype = prog_type if prog_type is not None else prog_type_from_section(c.name)
            if ptype is None:
                if c.name != ".text":
                    raise self.error(f"section '{c.name}': unknown program type; use a libbpf SEC name "
                                     "(xdp, tc, tcx/ingress, ...) or --prog-type")
                ptype = ProgType.XDP
            for f in c.funcs:
                if f.start < f.end and (f.bind != "STB_LOCAL" or len(c.funcs) == 1):
                    out.append(self._link(c, f, ptype))
        if not out:
            raise self.error("no BPF program in the object (no function in an executable section)")
        return out

    def _link(self, c: _Section, main: _Func, ptype: ProgType) -> Program:
        out: list[Insn] = list(c.slots[main.start:main.end])
        origin: list[tuple[_Section, int]] = [(c, k) for k in range(main.start, main.end)]
        placed: dict[tuple[int, int], int] = {(c.index, main.start): 0}
        funcs: list[FuncInfo] = []
        used_maps: dict[str, MapDef] = {}

        def place(sec: _Section, slot: int) -> int:
            """Where slot `slot` of `sec` is in the program, appending its function if needed."""
            if not 0 <= slot < len(sec.slots):
                raise self.error(f"section {sec.name}: call or function address to instruction {slot}, "
                                 "outside the section")
            f = sec.func_at(slot)
            base = placed.get((sec.index, f.start))
            if base is None:
                base = placed[(sec.index, f.start)] = len(out)
                if base + (f.end - f.start) > MAX_PROGRAM_SLOTS:
                    raise self.error(f"program {main.name}: more than {MAX_PROGRAM_SLOTS} instructions after linking")
                out.extend(sec.slots[f.start:f.end])
                origin.extend((sec, k) for k in range(f.start, f.end))
                linkage = sec.linkage.get(f.start) or ("global" if f.bind == "STB_GLOBAL" else "static")
                funcs.append(FuncInfo(base, f.name, linkage))
            return base + slot - f.start

        i = 0
        while i < len(out):  # `out` grows as subprograms are appended, and they are scanned too
            sec, k = origin[i]
            out[i] = self._relocate(sec, k, out[i], i, place, used_maps)
            i += 1
        c_locs = tuple(sec.c_locs[k] if sec.c_locs else None for sec, k in origin)
        if not any(c_locs):
            c_locs = ()
        maps = tuple(m for name, m in self.map_defs.items() if name in used_maps)
        maps += tuple(m for name, m in used_maps.items() if name not in self.map_defs)
        return Program(insns=tuple(out), prog_type=ptype, name=main.name, file=self.file, section=c.name,
                       license=self.license, maps=maps, funcs=tuple(sorted(funcs, key=lambda f: f.insn)),
                       locs=c_locs, c_locs=c_locs)

    def _relocate(self, sec: _Section, k: int, insn: Insn, pc: int, place, used_maps: dict[str, MapDef]) -> Insn:
        from ..isa.names import helper_name, kfunc_id

        if isinstance(insn, Imm64Tail):
            return insn
        sym = sec.relocs.get(k)
        where = f"section {sec.name} insn {k}"
        if isinstance(insn, Jmp) and insn.code == 0x85:  # BPF_JMP | BPF_CALL
            if sym is not None and sym.shndx is None:  # an extern function: a kfunc
                return Jmp(insn.code, insn.dst, PSEUDO_KFUNC_CALL, 0, kfunc_id(sym.name) or 0, sym.name)
            if sym is not None:
                tsec = self.code.get(sym.shndx or -2)
                if tsec is None:
                    raise self.error(f"{where}: call to {sym.name or self.section_name(sym.shndx)}, "
                                     "which is not code")
                if sym.value % 8:
                    raise self.error(f"{where}: call target {sym.name} is not at an instruction")
                target = sym.value // 8 + insn.imm + 1
                return self._call(insn, tsec, target, pc, place)
            if insn.src == PSEUDO_CALL:
                return self._call(insn, sec, k + insn.imm + 1, pc, place)
            if insn.src == 0 and insn.source == Src.K:
                return replace(insn, sym=helper_name(insn.imm))
            return insn
        if isinstance(insn, LoadImm64) and insn.code == 0x18 and sym is not None:
            tname = self.section_name(sym.shndx)
            if sym.shndx is None:  # an extern variable (__ksym)
                return LoadImm64(insn.code, insn.dst, PSEUDO_BTF_ID, 0, 0, sym.name, 0)
            if sym.shndx in self.code:  # a function's address: a callback
                tsec = self.code[sym.shndx]
                off = sym.value + insn.imm
                if off % 8:
                    raise self.error(f"{where}: function address {sym.name}+{insn.imm} is not at an instruction")
                target = place(tsec, off // 8)
                name = tsec.func_at(off // 8).name
                return LoadImm64(insn.code, insn.dst, PSEUDO_FUNC, 0, target - (pc + 1), name, 0)
            if tname in MAP_SECTIONS:
                mname = sym.name if sym.type != "STT_SECTION" else self._map_at(sym.shndx, insn.imm)
                m = self.map_defs.get(mname) or MapDef(mname)
                used_maps[mname] = m
                return LoadImm64(insn.code, insn.dst, PSEUDO_MAP_FD, 0, 0, mname, 0)
            if tname.startswith(DATA_PREFIXES):
                off = sym.value + insn.imm if sym.type != "STT_SECTION" else insn.imm
                size = max(self.sections[sym.shndx]["sh_size"], 1)  # type: ignore[index]
                used_maps[tname] = MapDef(tname, ARRAY_MAP, 4, size, 1)
                return LoadImm64(insn.code, insn.dst, PSEUDO_MAP_VALUE, 0, 0, tname, off)
            raise self.error(f"{where}: ld_imm64 relocated against {sym.name or tname} in section "
                             f"{tname or '?'}, which is neither a map, global data nor code")
        return insn

    def _call(self, insn: Jmp, tsec: _Section, target: int, pc: int, place) -> Jmp:
        where = place(tsec, target)
        return Jmp(insn.code, insn.dst, PSEUDO_CALL, 0, where - (pc + 1), tsec.func_at(target).name)

    def _map_at(self, shndx: int | None, off: int) -> str:
        for s in self.symbols:
            if s.shndx == shndx and s.value == off and s.name and s.type != "STT_SECTION":
                return s.name
        raise self.error(f"no map at offset {off} of section {self.section_name(shndx)}")


# --- CO-RE access specs ------------------------------------------------------------------------
def _field_spec(btf: Btf, root_id: int, access: str) -> tuple[int, int] | None:
    """(byte offset, byte size) of the field `access` ("0:1:2") names from `root_id`."""
    try:
        idxs = [int(x) for x in access.split(":")]
    except ValueError:
        return None
    t = btf.skip_modifiers(root_id)
    size = btf.size_of(t.id)
    if size is None or not idxs:
        return None
    off = idxs[0] * size
    for i in idxs[1:]:
        t = btf.skip_modifiers(t.id)
        if t.is_struct:
            if not 0 <= i < len(t.members):
                return None
            m = t.members[i]
            if m.bitfield_size or m.bit_offset % 8:
                return None
            off += m.bit_offset // 8
            t = btf[m.type]
        elif t.kind == Kind.ARRAY and t.array is not None:
            elem = btf.size_of(t.array.type)
            if elem is None:
                return None
            off += i * elem
            t = btf[t.array.type]
        else:
            return None
    size = btf.size_of(t.id)
    return (off, size) if size is not None else None


def _match_spec(local: Btf, root_id: int, target: Btf, cand_id: int, access: str) -> tuple[int, int] | None:
    """The same field path in `target` (members matched by name, through anonymous members),
    as (byte offset, byte size); None when the target has no such field."""
    idxs = [int(x) for x in access.split(":")]
    lt = local.skip_modifiers(root_id)
    tt = target.skip_modifiers(cand_id)
    tsize = target.size_of(tt.id)
    if tsize is None:
        return None
    off = idxs[0] * tsize
    for i in idxs[1:]:
        lt = local.skip_modifiers(lt.id)
        tt = target.skip_modifiers(tt.id)
        if lt.is_struct:
            if not tt.is_struct or not 0 <= i < len(lt.members):
                return None
            name = lt.members[i].name
            found = _find_member(target, tt.id, name)
            if found is None:
                return None
            moff, mtype = found
            off += moff
            lt, tt = local[lt.members[i].type], target[mtype]
        elif lt.kind == Kind.ARRAY and lt.array is not None:
            if tt.kind != Kind.ARRAY or tt.array is None:
                return None
            elem = target.size_of(tt.array.type)
            if elem is None:
                return None
            off += i * elem
            lt, tt = local[lt.array.type], target[tt.array.type]
        else:
            return None
    lk = local.skip_modifiers(lt.id).kind
    tk = target.skip_modifiers(tt.id).kind
    compatible = lk == tk or {lk, tk} <= {Kind.INT, Kind.ENUM, Kind.ENUM64}
    size = target.size_of(tt.id)
    return (off, size) if compatible and size is not None else None


def _find_member(btf: Btf, struct_id: int, name: str, depth: int = 0) -> tuple[int, int] | None:
    """(byte offset, type id) of member `name`, looking into anonymous struct/union members."""
    t = btf.skip_modifiers(struct_id)
    if depth > 32 or not t.is_struct:
        return None
    for m in t.members:
        if m.name == name:
            return (m.bit_offset // 8, m.type) if not m.bitfield_size and not m.bit_offset % 8 else None
    for m in t.members:
        if not m.name:
            inner = _find_member(btf, m.type, name, depth + 1)
            if inner is not None:
                return m.bit_offset // 8 + inner[0], inner[1]
    return None


def _access_text(btf: Btf, r: CoreReloRecord) -> str:
    """'status' / 'ct.mark' for an access string, for messages."""
    names = []
    t = btf.skip_modifiers(r.type_id)
    for i in [int(x) for x in r.access.split(":")][1:]:
        t = btf.skip_modifiers(t.id)
        if t.is_struct and 0 <= i < len(t.members):
            names.append(t.members[i].name or "(anon)")
            t = btf[t.members[i].type]
        else:
            names.append(f"[{i}]")
    return ".".join(names) or r.access


__all__ = ["load_elf"]
