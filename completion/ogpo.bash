# bash completion for ogpo: commands, their options, months for --month,
# --from and --to, agency codes from the database, keymap names.
# Installed as share/bash-completion/completions/ogpo; or source it.

# The last 24 months, newest first, as YYYY-MM.
_ogpo_months()
{
	local y m i
	y=$(date +%Y) m=$(date +%m)
	m=${m#0}
	for ((i = 0; i < 24; i++)); do
		printf '%04d-%02d\n' "$y" "$m"
		if ((--m == 0)); then
			m=12
			((y--))
		fi
	done
}

# The agency codes of the database this command line would open: asked of
# the same ogpo, with the same --db.
_ogpo_agencies()
{
	local prog=${COMP_WORDS[0]} i db=()

	for ((i = 1; i < ${#COMP_WORDS[@]}; i++)); do
		case ${COMP_WORDS[i]} in
		--db) db=(--db "${COMP_WORDS[i + 1]}") ;;
		--db=*) db=("${COMP_WORDS[i]}") ;;
		esac
	done
	"$prog" "${db[@]}" list agencies --tsv 2>/dev/null | awk -F '\t' '
	    NR == 1 { for (i = 1; i <= NF; i++) if ($i == "code") c = i; next }
	    c && $c != "" { print $c }'
}

# Keymap names: those that come with ogpo, and any in ./keymaps.
_ogpo_keymaps()
{
	local f
	{
		printf '%s\n' default vi emacs
		for f in keymaps/*.keymap; do
			[[ -e $f ]] || continue
			f=${f##*/}
			printf '%s\n' "${f%.keymap}"
		done
	} | sort -u
}

_ogpo()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
	local cmd= what= i w opts words

	COMPREPLY=()
	# The command and its first argument, skipping global options.
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		case $w in
		--db | --keymap) ((i++)); continue ;;
		-*) continue ;;
		esac
		if [[ -z $cmd ]]; then
			cmd=$w
		elif [[ -z $what ]]; then
			what=$w
		fi
	done

	# Values of options.
	case $prev in
	--db)
		COMPREPLY=($(compgen -d -- "$cur"))
		return
		;;
	--keymap)
		COMPREPLY=($(compgen -W "$(_ogpo_keymaps)" -- "$cur"))
		[[ $cur == */* || $cur == .* || $cur == ~* ]] &&
		    COMPREPLY+=($(compgen -f -- "$cur"))
		return
		;;
	--month | --from | --to)
		COMPREPLY=($(compgen -W "$(_ogpo_months)" -- "$cur"))
		return
		;;
	--agency)
		# CODE or, for user add, CODE,CODE,…: complete after the comma.
		local done= last=$cur
		if [[ $cur == *,* ]]; then
			done=${cur%,*},
			last=${cur##*,}
		fi
		COMPREPLY=($(compgen -P "$done" -W "$(_ogpo_agencies)" -- "$last"))
		return
		;;
	--encoding)
		if [[ $cmd == import ]]; then
			COMPREPLY=($(compgen -W "utf-8 big5 utf-16" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "utf-8 big5" -- "$cur"))
		fi
		return
		;;
	--delimiter)
		COMPREPLY=($(compgen -W ", ; tab" -- "$cur"))
		return
		;;
	--format)
		COMPREPLY=($(compgen -W "ods xlsx csv" -- "$cur"))
		return
		;;
	--invite)
		COMPREPLY=($(compgen -W "proposed" -- "$cur"))
		return
		;;
	--role)
		COMPREPLY=($(compgen -W "admin editor viewer" -- "$cur"))
		return
		;;
	--entity)
		COMPREPLY=($(compgen -W "agency officer meeting attendance issue
		    training reward resolution user import" -- "$cur"))
		return
		;;
	--year | --since | --until | --login | --limit | --head)
		return
		;;
	-o | --output | --rejects)
		COMPREPLY=($(compgen -f -- "$cur"))
		return
		;;
	esac

	if [[ -z $cmd ]]; then
		COMPREPLY=($(compgen -W "init list verify backup add set delete
		    import check due close vote export user audit undo doctor who
		    help
		    --db
		    --keymap
		    --print-config --version --help" -- "$cur"))
		return
	fi

	case $cmd in
	help)
		[[ -z $what ]] && words="init list verify backup add set delete
		    import check due close vote export user audit undo doctor who"
		;;
	init) opts="--demo --admin" ;;
	list)
		opts="--agency --officer --case --meeting --open --tsv --strokes"
		words="agencies officers meetings cases issues progress training rewards
		    resolutions"
		;;
	verify) opts="--head" ;;
	doctor) opts="--age" ;;
	who) opts= ;;
	backup)
		[[ $cur != -* ]] && COMPREPLY=($(compgen -d -- "$cur"))
		;;
	add | set | delete)
		words="agency officer meeting case issue training reward progress
		    resolution vote candidate"
		[[ $cmd == add ]] && opts="--invite"
		;;
	import)
		opts="--dry-run --skip-bad --rejects --encoding --delimiter
		    --create-agencies --meeting --status"
		words="officers agencies attendance cases progress resolutions list
		    undo"
		if [[ -n $what && $what != list && $what != undo &&
		    $cur != -* ]]; then
			COMPREPLY=($(compgen -f -- "$cur"))
		fi
		;;
	check) opts="--year --training --tsv" ;;
	due) opts="--within --agency --tsv" ;;
	close) opts="--meeting --response --responded" ;;
	vote)
		words="list tally ballot import close"
		[[ $what == close ]] && opts="--pick"
		if [[ $what == import && $cur != -* ]]; then
			COMPREPLY=($(compgen -f -- "$cur"))
		fi
		;;
	export)
		opts="--output -o --format --month --summary --matrix --from --to
		    --excel --plain --encoding --replace --agency"
		words="attendance signin officers agencies meetings issues
		    training rewards cases progress resolutions deadlines agenda
		    decisions"
		;;
	user)
		words="add list remove"
		case $what in
		add) opts="--role --agency" ;;
		list) opts="--tsv" ;;
		esac
		;;
	audit) opts="--since --until --login --entity --limit --tsv --head" ;;
	undo) opts="--dry-run" ;;
	*) return ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$opts --help" -- "$cur"))
	elif [[ -z $what && -n $words ]]; then
		COMPREPLY=($(compgen -W "$words" -- "$cur"))
	fi
}

complete -F _ogpo ogpo
